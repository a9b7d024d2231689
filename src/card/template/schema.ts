// What a card layout declares in its front matter: the fields it needs, the sizes it is designed
// for and, per size, the text boxes the fitter fills. Validated at load so a broken layout is an
// error naming the file and line, never a blank card.
import { z } from 'zod';
import { CARD_SIZE_NAMES } from '../sizes.ts';

const px = z.number({ error: '必须是数字（像素）' }).positive('必须大于 0');

export const textBoxSchema = z
  .strictObject({
    width: px,
    height: px,
    /** [largest, smallest] font size in px. */
    size: z.tuple([px, px], { error: '写成 [最大字号, 最小字号]' }),
    lineHeight: z.number().min(1, '行高至少 1 倍').max(3, '行高最多 3 倍').default(1.4),
    weight: z.union([z.literal(400), z.literal(700)], { error: '只能是 400（常规）或 700（粗体）' }).default(400),
    maxLines: z.number().int().positive().optional(),
    gap: z.number().min(0).optional(),
    indent: z.number().min(0).optional(),
    /** Extra space between characters, in em. */
    letterSpacing: z.number().min(0).max(0.5).default(0),
  })
  .refine((b) => b.size[0] >= b.size[1], { message: '最大字号不能小于最小字号', path: ['size'] });

const label = z.string().min(1);
export const fieldSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('text'), label, required: z.boolean().default(true), maxLength: z.number().int().positive().default(200) }),
    z.strictObject({
      type: z.literal('list'),
      label,
      required: z.boolean().default(true),
      min: z.number().int().min(0).default(1),
      max: z.number().int().positive().default(8),
      maxLength: z.number().int().positive().default(120),
    }),
    z.strictObject({
      type: z.literal('image'),
      label,
      required: z.boolean().default(false),
      /** Largest side the layout draws it at, px: the picture is scaled down to this (2× output included). */
      px: z.number().int().min(16).max(2048).default(320),
    }),
  ],
  { error: 'type 只能是 text（文字）、list（多条文字）或 image（图片）' },
);

const sizeLayoutSchema = z.strictObject({
  /** Margin in px that text and pictures never cross. */
  safe: z.number().min(0),
  boxes: z.record(z.string(), textBoxSchema),
});

export const frontMatterSchema = z
  .strictObject({
    description: z.string().min(1),
    fields: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, '字段名只能用英文字母和数字'), fieldSchema),
    sizes: z.partialRecord(z.enum(CARD_SIZE_NAMES, { error: `尺寸名只能是 ${CARD_SIZE_NAMES.join('、')}` }), sizeLayoutSchema),
    /** Prices (¥, 元, 折…) only when the workspace has a 医疗广告审查证明文号. */
    pricesNeedCertificate: z.boolean().default(false),
  })
  .superRefine((fm, ctx) => {
    if (Object.keys(fm.sizes).length === 0) ctx.addIssue({ code: 'custom', message: '至少声明一个尺寸', path: ['sizes'] });
    for (const [sizeName, layout] of Object.entries(fm.sizes)) {
      for (const box of Object.keys(layout!.boxes)) {
        const field = fm.fields[box];
        if (!field || field.type === 'image') {
          ctx.addIssue({ code: 'custom', message: `文字框 ${box} 没有对应的文字字段`, path: ['sizes', sizeName, 'boxes', box] });
        }
      }
      for (const [name, field] of Object.entries(fm.fields)) {
        if (field.type !== 'image' && !layout!.boxes[name]) {
          ctx.addIssue({ code: 'custom', message: `缺少字段 ${name} 的文字框`, path: ['sizes', sizeName, 'boxes'] });
        }
      }
    }
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type FieldSpec = z.infer<typeof fieldSchema>;
export type TextBoxSpec = z.infer<typeof textBoxSchema>;
