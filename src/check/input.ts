// Text input for a person's check (`siyu check FILE` or stdin): bytes in, text out, or a clear
// Chinese error saying what is wrong with the input instead of a report about garbage.
import { SiyuError } from '../shared/errors.ts';

/** Larger inputs are not clinic copy; refuse them rather than print a report nobody can read. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 text to check; `source` names the input in messages (a file name or 标准输入). */
export function decodeInput(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new SiyuError(`${source} 有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 上限，请拆分后再检查`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new SiyuError(`${source} 不是 UTF-8 文本（可能是图片、压缩包等二进制文件，或 GBK 等其他编码），未检查`, [
      '图片请用 siyu check-image 检查；其他编码的文本请先另存为 UTF-8',
    ]);
  }
  if (text.includes('\u0000')) throw new SiyuError(`${source} 含有二进制内容（NUL 字符），不是文本文件，未检查`);
  if (text.trim() === '') throw new SiyuError(`${source} 是空的，没有可检查的文字`);
  return text;
}
