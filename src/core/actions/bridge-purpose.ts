import { z } from 'zod';

/** What an extra conference bridge is for; `open-bridge` names one and scenarios declare one per bridge. */
export const BRIDGE_PURPOSES = ['technical', 'business', 'customer'] as const;
export const BridgePurpose = z.enum(BRIDGE_PURPOSES);
export type BridgePurpose = z.infer<typeof BridgePurpose>;
