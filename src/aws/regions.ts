// The commercial AWS regions offered by the region picker. A static list (no network call, and
// DescribeRegions would itself need a region and EC2 permissions); a region missing here can
// still be typed into the picker or the `archlens.aws.region` setting.

export interface RegionInfo {
  readonly id: string;
  readonly name: string;
  /** Opt-in regions must be enabled per account; until then every call fails authentication. */
  readonly optIn: boolean;
}

export const AWS_REGIONS: readonly RegionInfo[] = [
  { id: 'us-east-1', name: 'US East (N. Virginia)', optIn: false },
  { id: 'us-east-2', name: 'US East (Ohio)', optIn: false },
  { id: 'us-west-1', name: 'US West (N. California)', optIn: false },
  { id: 'us-west-2', name: 'US West (Oregon)', optIn: false },
  { id: 'af-south-1', name: 'Africa (Cape Town)', optIn: true },
  { id: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', optIn: true },
  { id: 'ap-east-2', name: 'Asia Pacific (Taipei)', optIn: true },
  { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)', optIn: false },
  { id: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', optIn: true },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', optIn: false },
  { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', optIn: false },
  { id: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', optIn: true },
  { id: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', optIn: true },
  { id: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', optIn: true },
  { id: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', optIn: true },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', optIn: false },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', optIn: false },
  { id: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', optIn: false },
  { id: 'ca-central-1', name: 'Canada (Central)', optIn: false },
  { id: 'ca-west-1', name: 'Canada West (Calgary)', optIn: true },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)', optIn: false },
  { id: 'eu-central-2', name: 'Europe (Zurich)', optIn: true },
  { id: 'eu-west-1', name: 'Europe (Ireland)', optIn: false },
  { id: 'eu-west-2', name: 'Europe (London)', optIn: false },
  { id: 'eu-west-3', name: 'Europe (Paris)', optIn: false },
  { id: 'eu-south-1', name: 'Europe (Milan)', optIn: true },
  { id: 'eu-south-2', name: 'Europe (Spain)', optIn: true },
  { id: 'eu-north-1', name: 'Europe (Stockholm)', optIn: false },
  { id: 'il-central-1', name: 'Israel (Tel Aviv)', optIn: true },
  { id: 'me-south-1', name: 'Middle East (Bahrain)', optIn: true },
  { id: 'me-central-1', name: 'Middle East (UAE)', optIn: true },
  { id: 'mx-central-1', name: 'Mexico (Central)', optIn: true },
  { id: 'sa-east-1', name: 'South America (São Paulo)', optIn: false },
];

const OPT_IN = new Set(AWS_REGIONS.filter((r) => r.optIn).map((r) => r.id));
const KNOWN = new Set(AWS_REGIONS.map((r) => r.id));

export function isKnownRegion(region: string): boolean {
  return KNOWN.has(region);
}

export function isOptInRegion(region: string): boolean {
  return OPT_IN.has(region);
}

/** A plausible region id (`xx-name-1`, `us-gov-west-1`); the picker accepts typed ids that pass. */
export function isRegionId(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value);
}

export const DEFAULT_REGION = 'us-east-1';
