/** A high-resolution wall clock (ms) comparable across processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
