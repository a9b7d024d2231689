// 《医疗广告管理办法》: a medical ad needs its 医疗广告审查证明 and must show the number. Without
// one a campaign poster may announce an activity but not a price. Prices are found in every text
// field, so a price cannot slip onto the poster through the title or a point.
import { CardError } from '../errors.ts';
import type { CardFieldValues } from './fields.ts';

const PRICE = /[¥￥$]\s*\d|\d+(?:\.\d+)?\s*(?:元|块钱|rmb|RMB)|\d(?:\.\d)?\s*折|[一二三四五六七八九]折|原价|特价|秒杀价|限时价|到手价|优惠价/u;

/** The first price-like words in any text field, as "字段 title：¥2980". */
export function findPrices(values: CardFieldValues): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    texts.forEach((t, i) => {
      const m = PRICE.exec(t);
      if (m) out.push(`字段 ${name}${Array.isArray(value) ? `[${i}]` : ''}：“${m[0]}”`);
    });
  }
  return out;
}

export function assertPricesAllowed(template: string, values: CardFieldValues, certificate: string | null | undefined): void {
  if (certificate) return;
  const prices = findPrices(values);
  if (prices.length > 0) {
    throw new CardError(`机构没有医疗广告审查证明文号，${template} 不能出现价格或折扣`, [
      ...prices,
      '在工作区 brand.yaml 填写 adReviewCertificate 后才能在海报上写价格',
    ]);
  }
}
