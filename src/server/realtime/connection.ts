import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { CLOSE_CODES, type ControlFrame, realtimeLimits } from '../../contracts/realtime.ts';

/** A frame ready to send: the event id (to drop duplicates after a replay) and its JSON. */
export interface Outgoing {
  id: string;
  text: string;
}

/** Live events held for one socket while it waits to resume or replays: past this, it is dropped (it resumes). */
const MAX_HELD = 1000;
const WINDOW_MS = 10_000;

/**
 * One open socket and the little it needs: who, which session, the flood counter and the heartbeat flag. No timers
 * of its own (the hub's one interval sweeps every socket), and no buffer unless it is waiting to resume.
 */
export class Connection {
  /** Told to this client only (`hello`); a send naming it (`kindred-socket`) skips this socket. Random, not guessable. */
  readonly id = randomUUID();
  /** Answered the last heartbeat (or said anything since). */
  alive = true;
  /** Which of the hub's heartbeat slots visits this socket (the hub spreads its sockets over the interval). */
  slot = 0;
  /**
   * `waiting`: open, no `resume` yet; `replaying`: sending what it missed; `live`. Events that arrive while it is
   * not live are held and sent after the replay, in arrival order, without the ones the replay already sent.
   */
  state: 'waiting' | 'replaying' | 'live' = 'waiting';
  held: Outgoing[] | null = null;
  private frames = 0;
  private windowStart = 0;
  readonly openedAt = Date.now();

  constructor(
    readonly ws: WebSocket,
    readonly userId: string,
    readonly sessionId: string,
  ) {}

  /** Sends now; a client that cannot keep up is dropped with 4008 (it reconnects and resumes: messages are stored). */
  send(text: string) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > realtimeLimits.maxBufferedBytes) return this.close(CLOSE_CODES.tooSlow, 'too slow');
    this.ws.send(text);
  }

  control(frame: ControlFrame) {
    this.send(JSON.stringify(frame));
  }

  /** A live event: sent now, or held until the replay is done. */
  deliver(event: Outgoing) {
    if (this.state === 'live') return this.send(event.text);
    this.held ??= [];
    if (this.held.length >= MAX_HELD) return this.close(CLOSE_CODES.tooSlow, 'too slow');
    this.held.push(event);
  }

  /** Ends a replay: the held events it did not already send, then live. */
  goLive(alreadySent: ReadonlySet<string> = new Set()) {
    const held = this.held ?? [];
    this.held = null;
    this.state = 'live';
    for (const event of held) if (!alreadySent.has(event.id)) this.send(event.text);
  }

  /**
   * Counts a frame from the client: true while it is within `framesPer10s`. Past it the client hears once that it
   * is rate limited and its frames are ignored; past twice the limit the socket is closed (4029).
   */
  admit(now = Date.now()): boolean {
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.frames = 0;
    }
    this.frames++;
    const limit = realtimeLimits.framesPer10s;
    if (this.frames <= limit) return true;
    if (this.frames === limit + 1) this.control({ type: 'error', code: 'rate_limited', message: 'Too many frames; slow down.' });
    if (this.frames > limit * 2) this.close(CLOSE_CODES.flood, 'too many frames');
    return false;
  }

  close(code: number, reason: string) {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code, reason);
  }
}
