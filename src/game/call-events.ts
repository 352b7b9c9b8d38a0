/** Emitted on the game's events when the page takes the call away, before Phaser's own (deferred) destroy. */
export const CALL_STOPPING = 'call-stopping';
