/**
 * AWS Lambda managed runtimes and their end-of-support dates.
 *
 * COMPILED 2026-11-22 from the AWS Lambda Developer Guide, "Lambda runtimes" /
 * "Runtime deprecation policy" (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
 * cross-checked against cfn-lint 1.51.0's `data/AdditionalSpecs/LmbdRuntimeLifecycle.json` (MIT-0).
 * Where the two disagreed, the later dates were taken: AWS has repeatedly pushed the
 * block-create / block-update dates of deprecated runtimes back (those of most runtimes
 * deprecated before 2026 now fall on 2026-06-01 / 2026-07-01), and a too-early date is a
 * false error.
 *
 * THIS TABLE GOES STALE. Refresh it whenever AWS adds a runtime or changes a date (check the
 * page above, both the "Supported runtimes" and "Deprecated runtimes" tables), update the
 * COMPILED date above, and run `node --import tsx --test test/unit/rules.lambdaRuntime.test.ts`.
 * A runtime missing from this table is reported as unknown, so a new runtime must be added
 * before users adopt it.
 *
 * Dates are UTC calendar days (`YYYY-MM-DD`). AWS's phases:
 * - deprecation: no more security patches or support; the console no longer offers it;
 * - block create: Lambda rejects creating functions with the runtime;
 * - block update: Lambda rejects updating their code or configuration too.
 */

/** A runtime's language family; successors are picked within a family. */
export type RuntimeFamily = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'provided';

/** One managed runtime identifier (the `Runtime` property value). */
export interface LambdaRuntime {
  readonly id: string;
  readonly family: RuntimeFamily;
  /** Date support ended or will end; undefined when AWS has not announced one. */
  readonly deprecated?: string;
  /** Date creating functions is (or will be) blocked. */
  readonly blockCreate?: string;
  /** Date updating functions is (or will be) blocked. */
  readonly blockUpdate?: string;
  /**
   * Where to go instead, for families whose successor is not simply the newest runtime of
   * the same family (Go 1.x and the Amazon Linux 1 `provided` runtime move to OS-only runtimes).
   */
  readonly movesTo?: RuntimeFamily;
}

/** When {@link LAMBDA_RUNTIMES} was last compiled (see the header comment). */
export const LAMBDA_RUNTIMES_COMPILED = '2026-11-22';

/** Every runtime identifier Lambda has accepted for zip-packaged functions, oldest first per family. */
export const LAMBDA_RUNTIMES: readonly LambdaRuntime[] = [
  // Node.js
  { id: 'nodejs', family: 'nodejs', deprecated: '2016-08-30', blockCreate: '2016-09-30', blockUpdate: '2016-10-31' },
  { id: 'nodejs4.3', family: 'nodejs', deprecated: '2020-03-05', blockCreate: '2020-02-03', blockUpdate: '2020-03-05' },
  { id: 'nodejs4.3-edge', family: 'nodejs', deprecated: '2020-03-05', blockCreate: '2019-03-31', blockUpdate: '2019-04-30' },
  { id: 'nodejs6.10', family: 'nodejs', deprecated: '2019-08-12', blockCreate: '2019-07-12', blockUpdate: '2019-08-12' },
  { id: 'nodejs8.10', family: 'nodejs', deprecated: '2020-03-06', blockCreate: '2020-02-04', blockUpdate: '2020-03-06' },
  { id: 'nodejs10.x', family: 'nodejs', deprecated: '2021-07-30', blockCreate: '2021-07-30', blockUpdate: '2022-02-14' },
  { id: 'nodejs12.x', family: 'nodejs', deprecated: '2023-03-31', blockCreate: '2023-03-31', blockUpdate: '2023-04-30' },
  { id: 'nodejs14.x', family: 'nodejs', deprecated: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2026-07-01' },
  { id: 'nodejs16.x', family: 'nodejs', deprecated: '2024-06-12', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'nodejs18.x', family: 'nodejs', deprecated: '2025-09-01', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'nodejs20.x', family: 'nodejs', deprecated: '2026-04-30', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'nodejs22.x', family: 'nodejs', deprecated: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  { id: 'nodejs24.x', family: 'nodejs', deprecated: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  // Python
  { id: 'python2.7', family: 'python', deprecated: '2021-07-15', blockCreate: '2021-07-15', blockUpdate: '2022-05-30' },
  { id: 'python3.6', family: 'python', deprecated: '2022-07-18', blockCreate: '2022-07-18', blockUpdate: '2022-08-29' },
  { id: 'python3.7', family: 'python', deprecated: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2026-03-09' },
  { id: 'python3.8', family: 'python', deprecated: '2024-10-14', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'python3.9', family: 'python', deprecated: '2025-12-15', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'python3.10', family: 'python', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'python3.11', family: 'python', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'python3.12', family: 'python', deprecated: '2028-10-31', blockCreate: '2028-11-30', blockUpdate: '2029-01-10' },
  { id: 'python3.13', family: 'python', deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  { id: 'python3.14', family: 'python', deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  // Java (java8 ran on Amazon Linux 1; java8.al2 is the Amazon Linux 2 build)
  { id: 'java8', family: 'java', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2026-07-01' },
  { id: 'java8.al2', family: 'java', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'java11', family: 'java', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'java17', family: 'java', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'java21', family: 'java', deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  { id: 'java25', family: 'java', deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  // .NET (dotnet5.0, dotnet7 and dotnet9 were container-image only: not valid Runtime values)
  { id: 'dotnetcore1.0', family: 'dotnet', deprecated: '2019-06-27', blockCreate: '2019-06-30', blockUpdate: '2019-07-30' },
  { id: 'dotnetcore2.0', family: 'dotnet', deprecated: '2019-05-30', blockCreate: '2019-04-30', blockUpdate: '2019-05-30' },
  { id: 'dotnetcore2.1', family: 'dotnet', deprecated: '2022-01-05', blockCreate: '2022-01-05', blockUpdate: '2022-04-13' },
  { id: 'dotnetcore3.1', family: 'dotnet', deprecated: '2023-04-03', blockCreate: '2023-04-03', blockUpdate: '2023-05-03' },
  { id: 'dotnet6', family: 'dotnet', deprecated: '2024-12-20', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'dotnet8', family: 'dotnet', deprecated: '2026-11-10', blockCreate: '2026-12-10', blockUpdate: '2027-01-11' },
  // Dates not yet in this table: treated as supported.
  { id: 'dotnet10', family: 'dotnet' },
  // Ruby
  { id: 'ruby2.5', family: 'ruby', deprecated: '2021-07-30', blockCreate: '2021-07-30', blockUpdate: '2022-03-31' },
  { id: 'ruby2.7', family: 'ruby', deprecated: '2023-12-07', blockCreate: '2024-01-09', blockUpdate: '2026-07-01' },
  { id: 'ruby3.2', family: 'ruby', deprecated: '2026-03-31', blockCreate: '2026-06-01', blockUpdate: '2026-07-01' },
  { id: 'ruby3.3', family: 'ruby', deprecated: '2027-03-31', blockCreate: '2027-04-30', blockUpdate: '2027-05-31' },
  { id: 'ruby3.4', family: 'ruby', deprecated: '2028-03-31', blockCreate: '2028-04-30', blockUpdate: '2028-05-31' },
  // Dates not yet in this table: treated as supported.
  { id: 'ruby4.0', family: 'ruby' },
  // Go 1.x and the Amazon Linux 1 OS-only runtime: Go moved to the OS-only runtimes.
  { id: 'go1.x', family: 'go', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2026-07-01', movesTo: 'provided' },
  { id: 'provided', family: 'provided', deprecated: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2026-07-01' },
  { id: 'provided.al2', family: 'provided', deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  { id: 'provided.al2023', family: 'provided', deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
];
