// The kinds of origin restriction a CodeArtifact package group has: apart from the gateway, so
// the commands that list them do not load the SDK when the extension starts.
import type { GroupRestrictionType } from './codeArtifactGateway';

export const GROUP_RESTRICTION_TYPES: readonly GroupRestrictionType[] = ['PUBLISH', 'EXTERNAL_UPSTREAM', 'INTERNAL_UPSTREAM'];
