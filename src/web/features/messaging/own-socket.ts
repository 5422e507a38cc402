import { SOCKET_HEADER } from '../../../contracts/realtime.ts';

/** This tab's open realtime socket, as its `hello` named it (null while there is none). */
let current: string | null = null;

export const setOwnSocket = (id: string | null) => {
  current = id;
};

/**
 * Headers for a send or an edit: naming this tab's socket means it is not sent that message's frame, which the tab
 * has from the answer already (the person's other tabs and devices still get it; so does a resume).
 */
export const ownSocketHeaders = (): Record<string, string> => (current ? { [SOCKET_HEADER]: current } : {});
