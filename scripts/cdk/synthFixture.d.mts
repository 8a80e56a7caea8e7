/** Types of synthFixture.mjs for the TypeScript tests that import it. */
export declare const FIXTURE_APP: string;
export declare function compileApp(appDir: string): void;
export declare function synthesizeFixture(appDir: string, outDir: string): Promise<string[]>;
export declare function writeLegacyAssembly(fromDir: string, toDir: string): void;
