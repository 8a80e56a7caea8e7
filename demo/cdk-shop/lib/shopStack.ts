import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** A small shop: an L2 bucket and queue, an L2 function on a retired runtime, an L1 table with an SSE type DynamoDB does not have (KMS is the only one). */
export class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const uploads = new Bucket(this, 'Uploads', { versioned: true, enforceSSL: true });

    const orders = new Queue(this, 'Orders', { visibilityTimeout: Duration.seconds(60) });

    new LambdaFunction(this, 'Checkout', {
      runtime: Runtime.NODEJS_16_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      environment: { UPLOADS: uploads.bucketName, ORDERS: orders.queueUrl },
    });

    new CfnTable(this, 'Carts', {
      keySchema: [{ attributeName: 'cartId', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'cartId', attributeType: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
      sseSpecification: { sseEnabled: true, sseType: 'AES256' },
    });
  }
}
