// Validating the data a card is rendered from against the fields its layout declares. A missing or
// wrong-typed field is a CardError naming the field, never a blank box on a published card.
import { z } from 'zod';
import { CardError } from '../errors.ts';
import type { FieldSpec } from './schema.ts';
import type { CardTemplate } from './load.ts';

export type CardFieldValues = Record<string, string | string[] | null>;

function fieldValidator(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'text': {
      const s = z
        .string({ error: '必须是文字' })
        .trim()
        .min(1, '不能为空')
        .max(spec.maxLength, `不能超过 ${spec.maxLength} 个字`);
      return spec.required ? s : s.nullish();
    }
    case 'list': {
      const item = z.string({ error: '每一条都必须是文字' }).trim().min(1, '不能有空的一条').max(spec.maxLength, `每条不能超过 ${spec.maxLength} 个字`);
      const list = z
        .array(item, { error: '必须是文字列表，例如 ["第一条", "第二条"]' })
        .min(spec.min, `至少 ${spec.min} 条`)
        .max(spec.max, `最多 ${spec.max} 条`);
      return spec.required ? list : list.nullish();
    }
    case 'image': {
      const s = z.string({ error: '必须是图片文件路径' }).trim().min(1, '不能为空');
      return spec.required ? s : s.nullish();
    }
  }
}

const describe = (template: CardTemplate, data: unknown, issue: z.core.$ZodIssue): string => {
  const [key, ...rest] = issue.path;
  if (key === undefined && issue.code === 'invalid_type') return '数据必须是一个对象，例如 {"title": "…"}';
  if (issue.code === 'unrecognized_keys') {
    return `未知字段 ${issue.keys.join('、')}（${template.name} 的字段：${Object.keys(template.fields).join('、')}）`;
  }
  const spec = typeof key === 'string' ? template.fields[key] : undefined;
  const where = [key, ...rest].map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace('.[', '[');
  const absent = rest.length === 0 && typeof key === 'string' && !(typeof data === 'object' && data !== null && key in data);
  const message = issue.code === 'invalid_type' && absent ? '缺少这个字段' : issue.message;
  return `字段 ${where}${spec ? `（${spec.label}）` : ''}：${message}`;
};

/** The values a layout sees: every declared field present (null when optional and absent). */
export function validateFields(template: CardTemplate, data: unknown): CardFieldValues {
  const shape = Object.fromEntries(Object.entries(template.fields).map(([name, spec]) => [name, fieldValidator(spec)]));
  const parsed = z.strictObject(shape).safeParse(data ?? {});
  if (!parsed.success) {
    throw new CardError(`卡片 ${template.name} 的数据有错误`, parsed.error.issues.map((i) => describe(template, data, i)));
  }
  const out: CardFieldValues = {};
  for (const name of Object.keys(template.fields)) out[name] = (parsed.data as CardFieldValues)[name] ?? null;
  return out;
}
