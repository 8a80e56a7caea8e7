// The demo CDK app (`npm start` shows it in the ArchLens CDK view). Its cloud assembly is checked
// in (cdk.out); "Synthesize CDK App" runs `npx tsx bin/app.ts` from cdk.json to make it again.
import { App } from 'aws-cdk-lib';
import { ShopStack } from '../lib/shopStack';

const app = new App();
new ShopStack(app, 'Shop', { env: { account: '123456789012', region: 'us-east-1' } });
app.synth();
