import { prepareEnvironment } from './test/integration/harness';
import { checkDiagramPanel } from './test/integration/diagramStep';
(async () => {
  const env = await prepareEnvironment();
  const s = await env.openSession('diagram', { trust: true });
  try {
    await checkDiagramPanel(s);
    const page = s.workbench.page;
    const frame = page.frames().find((f) => f.parentFrame()?.url().includes('extensionId=archlens.archlens'))!;
    const state = async (label: string) => console.log(label, JSON.stringify(await frame.locator('svg.canvas').evaluate((e: any) => ({ ...e.dataset }))), (await frame.locator('g.node').evaluateAll((n: any[]) => n.map((x) => x.getAttribute('data-key') + '@' + x.getAttribute('transform')))).join(' '), '|', await frame.locator('.status').textContent());
    await state('start');
    await s.workbench.goTo(67, 1);
    await page.keyboard.type('  ExtraQueue: {Type: "AWS::SQS::Queue", Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersQueue.Arn}}}');
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 2500));
    await state('after');
    await s.step('edited', async () => undefined);
  } finally { await s.close(); await env.dispose(); }
})().catch((e) => { console.error(e); process.exit(1); });
