/** Stub for ink's optional devtools import, aliased in the bundle so it is never loaded. */
export default {connectToDevTools() {}, initialize() {}};
