/**
 * @module Server-sent event streams: one way to open them, so each is audited like any request made on someone's
 * behalf, re-checks the viewer's right while it lives, and closes cleanly.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from './context.ts';
import { recordActingRequest } from './viewer.ts';

/** How often a stream sends a comment (proxies close silent connections) and re-checks the viewer's right. */
export const HEARTBEAT_MS = 25_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Tells the client why, then ends the stream; later sends are dropped. */
  close(reason: string): void;
  readonly closed: boolean;
}

export interface StreamOptions {
  /** Resolves true while the viewer may still follow the stream; false or a throw closes it. */
  stillAllowed: () => Promise<boolean>;
  /** Called once when the stream ends, whoever ended it. */
  onClose: () => void;
}

/**
 * Opens a stream after the route has checked access. A request made inside a mediation session is audited
 * here (`mediation.acted`, status 200): the reply is hijacked and never reaches the onSend hook.
 * `recheck()` on the returned handle runs `stillAllowed` and closes the stream when the right is gone; the
 * heartbeat runs it too, so a quiet stream is closed within HEARTBEAT_MS.
 */
export async function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  options: StreamOptions,
): Promise<EventStream & { recheck(): Promise<boolean> }> {
  await recordActingRequest(request, deps, 200);
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-request-id': request.id });
  reply.raw.write(': connected\n\n');
  let closed = false;
  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    options.onClose();
  };
  const stream = {
    get closed() {
      return closed;
    },
    send(event: string, data: unknown) {
      if (!closed) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close(reason: string) {
      if (closed) return;
      reply.raw.write(`event: closed\ndata: ${JSON.stringify({ reason })}\n\n`);
      end();
      reply.raw.end();
    },
    async recheck() {
      if (closed) return false;
      const allowed = await options.stillAllowed().catch(() => false);
      if (!allowed) stream.close('access_ended');
      return allowed && !closed;
    },
  };
  const heartbeat = setInterval(() => {
    if (closed) return;
    reply.raw.write(': keep-alive\n\n');
    void stream.recheck();
  }, HEARTBEAT_MS);
  heartbeat.unref();
  request.raw.on('close', end);
  return stream;
}
