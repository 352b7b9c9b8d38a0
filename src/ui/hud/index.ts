export { renderActionPanel } from './action-panel.ts';
export { renderCoachPanel } from './coach-panel.ts';
export { renderParticipantPanel } from './participant-panel.ts';
export { renderTimeControls } from './time-controls.ts';
export type { HudPanel } from './panel.ts';
