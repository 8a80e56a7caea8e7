// The top of the CDK view: one node per CDK app of the workspace (a folder with cdk.json, each
// with its own assembly folder). Unlike the AWS views it needs no connection: the apps come from a
// loader the extension gives it (files on disk), cached until `refresh()`.
import type { ViewNode } from '../viewNode';
import type { ViewRoot } from '../viewRoot';
import type { CdkApp } from './cdkModel';
import { AppNode } from './cdkNodes';

/** Lists the workspace's CDK apps with their assemblies (the extension reads the disk). */
export type CdkAppsLoader = (signal: AbortSignal) => Promise<readonly CdkApp[]>;

export class CdkRoot implements ViewRoot {
  private loaded: Promise<readonly CdkApp[]> | undefined;

  constructor(private readonly load: CdkAppsLoader) {}

  /** The apps as last loaded (loads them the first time). */
  apps(signal: AbortSignal): Promise<readonly CdkApp[]> {
    if (!this.loaded) {
      const loading = this.load(signal);
      this.loaded = loading;
      // A failed or aborted load is not kept: the next render tries again.
      loading.catch(() => {
        if (this.loaded === loading) this.loaded = undefined;
      });
    }
    return this.loaded;
  }

  async children(signal: AbortSignal): Promise<ViewNode[]> {
    const apps = await this.apps(signal);
    // [] shows the welcome content ("No CDK app found").
    return [...apps].sort((a, b) => a.name.localeCompare(b.name)).map((app) => new AppNode(app));
  }

  refresh(): void {
    this.loaded = undefined;
  }
}
