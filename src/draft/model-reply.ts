// A chat model's JSON-mode reply, read the same way by the drafter and the compliance rewriter:
// unwrap what models add around the JSON, then require exactly one JSON object.

export interface ModelReply {
  content: string;
  finishReason?: string;
}

/** Models sometimes wrap JSON in a code fence or prefix a <think> block even in JSON mode. */
function unwrap(content: string): string {
  return content
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .trim()
    .replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1')
    .trim();
}

export type JsonObjectReply = { ok: true; data: Record<string, unknown> } | { ok: false; problems: string[] };

/** The reply's JSON object, or the problems to send back to the model (in Chinese). A reply that
 *  does not parse and was cut off at the length limit says so first (`truncatedNote`). */
export function jsonObjectOf(reply: ModelReply, truncatedNote: string): JsonObjectReply {
  const truncated = reply.finishReason === 'length' ? [truncatedNote] : [];
  let data: unknown;
  try {
    data = JSON.parse(unwrap(reply.content));
  } catch {
    return { ok: false, problems: [...truncated, reply.content.trim() === '' ? '输出为空' : '输出不是合法的 JSON 对象'] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problems: ['输出不是 JSON 对象'] };
  return { ok: true, data: data as Record<string, unknown> };
}
