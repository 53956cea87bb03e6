export const label = 'Botte';
export async function unavailable() { return 'placeholder'; }
export async function construct() {}
export async function dispatch() {}
export async function polling() {}
export async function webhook() {}
