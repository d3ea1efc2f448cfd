import PDFDocument from 'pdfkit';
import {
  ADJUSTMENT_LABELS,
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_ITEMS,
  ASSESSMENT_LEVEL_CODES,
  ASSESSMENT_REASON_LABELS,
  ASSESSMENT_STATUS_LABELS,
  DIMENSION_LABELS,
  LEVEL_LABELS,
} from '@yiyang/domain';
import type { AssessmentDto } from '@yiyang/contracts';
import type { CjkFont } from '../../platform/pdf/cjk-font';
import type { Locale } from '../../platform/i18n/locale';

const TEXT = {
  title: { 'zh-CN': '老年人能力评估报告', en: 'Older Adult Capability Assessment Report' },
  standard: { 'zh-CN': '依据 GB/T 42195-2022《老年人能力评估规范》', en: 'Under GB/T 42195-2022' },
  basic: { 'zh-CN': '老年人基本信息', en: 'The elder' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  sex: { 'zh-CN': '性别', en: 'Sex' },
  male: { 'zh-CN': '男', en: 'male' },
  female: { 'zh-CN': '女', en: 'female' },
  birth: { 'zh-CN': '出生日期', en: 'Born' },
  id: { 'zh-CN': '身份证号', en: 'Identity number' },
  address: { 'zh-CN': '居住地址', en: 'Address' },
  reason: { 'zh-CN': '评估原因', en: 'Reason' },
  date: { 'zh-CN': '评估日期', en: 'Assessed on' },
  place: { 'zh-CN': '评估地点', en: 'Place' },
  agency: { 'zh-CN': '评估机构', en: 'Agency' },
  c1: { 'zh-CN': 'C.1 一级指标分级得分', en: 'C.1 Scores by dimension' },
  items: { 'zh-CN': '评估项目得分', en: 'Item scores' },
  c2: { 'zh-CN': 'C.2 老年人能力总得分', en: 'C.2 Total score' },
  c3: { 'zh-CN': 'C.3 老年人能力初步等级', en: 'C.3 Initial level' },
  c4: { 'zh-CN': 'C.4 能力等级变更依据', en: 'C.4 Grounds for changing the level' },
  c5: { 'zh-CN': 'C.5 老年人能力最终等级', en: 'C.5 Final level' },
  none: { 'zh-CN': '无', en: 'None' },
  validUntil: { 'zh-CN': '有效期至', en: 'valid until' },
  noExpiry: { 'zh-CN': '长期有效', en: 'does not expire' },
  signatures: { 'zh-CN': '签名', en: 'Signatures' },
  assessor: { 'zh-CN': '评估员', en: 'Assessor' },
  informant: { 'zh-CN': '信息提供者', en: 'Informant' },
  signDate: {
    'zh-CN': '签名：____________  日期：__________',
    en: 'Signature: ____________  Date: __________',
  },
} as const;

/** The A4 report (sections C.1–C.5 and signatures) as a PDF; personal data as masked in `a`. */
export function renderAssessmentPdf(a: AssessmentDto, font: CjkFont, locale: Locale): Promise<Buffer> {
  const tx = (key: keyof typeof TEXT) => TEXT[key][locale];
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${tx('title')} ${a.elderName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const level = (l: number) => `${l} · ${LEVEL_LABELS[ASSESSMENT_LEVEL_CODES[l]!][locale]}`;
  const heading = (text: string) => doc.moveDown(0.6).fontSize(12).text(text).moveDown(0.2).fontSize(10);
  const line = (label: string, value: string) => doc.text(`${label}：${value}`);

  doc.fontSize(18).text(tx('title'), { align: 'center' });
  doc
    .fontSize(9)
    .text(`${tx('standard')} · ${a.agencyName} · ${ASSESSMENT_STATUS_LABELS[a.status][locale]}`, {
      align: 'center',
    });

  heading(tx('basic'));
  line(
    tx('name'),
    `${a.elderName}    ${tx('sex')}：${tx(a.elderSex)}    ${tx('birth')}：${a.elderBirthDate}`,
  );
  line(tx('id'), a.elderIdNumber);
  line(tx('address'), `${a.regionName} ${a.elderAddress}`);
  line(tx('reason'), ASSESSMENT_REASON_LABELS[a.reason][locale]);
  line(tx('date'), `${a.assessedOn ?? ''}    ${tx('place')}：${a.place ?? ''}`);

  const r = a.result;
  heading(tx('c1'));
  for (const d of ASSESSMENT_DIMENSIONS) {
    const max = ASSESSMENT_ITEMS.filter((i) => i.dimension === d).reduce((s, i) => s + i.max, 0);
    line(DIMENSION_LABELS[d][locale], `${r ? r.dimensions[d] : '—'} / ${max}`);
  }
  heading(tx('items'));
  doc.fontSize(8);
  const columnWidth = (doc.page.width - 96) / 2;
  const top = doc.y;
  ASSESSMENT_ITEMS.forEach((item, i) => {
    const column = i < 13 ? 0 : 1;
    const row = i % 13;
    doc.text(
      `${i + 1}. ${item.label[locale]}：${a.items[item.code] ?? '—'} / ${item.max}`,
      48 + column * columnWidth,
      top + row * 12,
      {
        width: columnWidth - 8,
        lineBreak: false,
        ellipsis: true,
      },
    );
  });
  doc.x = 48;
  doc.y = top + 13 * 12;
  doc.fontSize(10);

  heading(tx('c2'));
  doc.text(r ? `${r.total} / 90` : '—');
  heading(tx('c3'));
  doc.text(r ? level(r.initialLevel) : '—');
  heading(tx('c4'));
  doc.text(
    r && r.reasons.length ? r.reasons.map((x) => ADJUSTMENT_LABELS[x][locale]).join('\n') : tx('none'),
  );
  heading(tx('c5'));
  doc
    .fontSize(12)
    .text(
      r
        ? `${level(r.finalLevel)}${a.status === 'approved' ? `    ${tx('validUntil')} ${a.validUntil ?? tx('noExpiry')}` : ''}`
        : '—',
    )
    .fontSize(10);

  heading(tx('signatures'));
  for (const person of [a.assessor1, a.assessor2])
    line(
      tx('assessor'),
      `${person.displayName}${person.certificateNo ? `（${person.certificateNo}）` : ''}    ${tx('signDate')}`,
    );
  line(
    tx('informant'),
    `${a.informant ? `${a.informant.name}（${a.informant.relation}）` : ''}    ${tx('signDate')}`,
  );
  doc.end();
  return done;
}
