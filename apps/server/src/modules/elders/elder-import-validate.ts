import {
  ageOn,
  ELDER_MIN_AGE,
  isWithinScope,
  normalizeRegionCode,
  parseResidentId,
  regionLevel,
  RESIDENT_ID_PROBLEM_LABELS,
  type ElderCategory,
  type RegionLevel,
} from '@yiyang/domain';
import type { z } from 'zod';
import { createElderBody, elderContact, hasControlCharacter } from '@yiyang/contracts';
import type { Locale } from '../../platform/i18n/locale';
import { localiseIssues } from '../../platform/errors/localise-issues';
import { errorMessage } from '../../platform/errors/error-catalog';
import type { RawRow } from './elder-import-read';
import type { NewElder } from './elders-bulk-insert';
import type { ELDER_ERRORS } from './elders.errors';
import { COLUMNS, parseCategory, parseLiving, type ColumnKey } from './elder-sheet';

/** How Excel shows a long number it no longer holds exactly, e.g. 1.50102E+17. */
const SCIENTIFIC = /^\d+(\.\d+)?e\+?\d+$/i;
const TEXT_COLUMNS = new Set<ColumnKey>(COLUMNS.filter((c) => c.text).map((c) => c.key));

/** The limits of the API's create contract, column by column: an imported record meets them too. */
const FIELD_SCHEMAS: Partial<Record<ColumnKey, z.ZodType>> = {
  name: createElderBody.shape.name,
  phone: createElderBody.shape.phone,
  address: createElderBody.shape.address,
  lat: createElderBody.shape.lat,
  lng: createElderBody.shape.lng,
  disabilityGrade: createElderBody.shape.disabilityGrade,
  contactName: elderContact.shape.name,
  contactRelation: elderContact.shape.relation,
  contactPhone: elderContact.shape.phone,
  notes: createElderBody.shape.notes,
};
/** Numeric columns, with the row error their schema's refusal means. */
const NUMERIC: Partial<Record<ColumnKey, RowErrorCode>> = {
  lat: 'ELDER_IMPORT_ROW_NUMBER',
  lng: 'ELDER_IMPORT_ROW_NUMBER',
  disabilityGrade: 'ELDER_IMPORT_ROW_GRADE',
};

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

type RowErrorCode = Extract<keyof typeof ELDER_ERRORS, `ELDER_IMPORT_ROW_${string}`>;

export interface RowError {
  row: number;
  /** The column's header, as in the file. */
  field: string;
  code: RowErrorCode;
  message: string;
}

export interface ValidationContext {
  today: string;
  locale: Locale;
  scopeCode: string;
  regions: Map<string, RegionLevel>;
  /** Normalised identity number → first row it was seen in. */
  seen: Map<string, number>;
}

/** Checks one row; returns the elder to insert, or every problem of the row (one per cell). */
export function validateRow(
  raw: RawRow,
  ctx: ValidationContext,
): { elder: NewElder } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const failed = new Set<ColumnKey>();
  const fail = (key: ColumnKey, code: RowErrorCode, params: Record<string, unknown> = {}) => {
    if (failed.has(key)) return;
    failed.add(key);
    errors.push({ row: raw.row, field: header(key), code, message: errorMessage(code, ctx.locale, params) });
  };

  // What a cell really held comes first: a value Excel changed or an invisible character is not
  // checked any further, and the row goes to the error workbook.
  const v: RawRow['values'] = {};
  for (const c of COLUMNS) {
    const problem = raw.problems[c.key];
    const text = raw.values[c.key];
    if (problem?.kind === 'excelError')
      fail(c.key, problem.value ? 'ELDER_IMPORT_ROW_EXCEL_ERROR' : 'ELDER_IMPORT_ROW_FORMULA', {
        value: problem.value,
      });
    else if (TEXT_COLUMNS.has(c.key) && (problem?.kind === 'numeric' || SCIENTIFIC.test(text ?? '')))
      fail(c.key, 'ELDER_IMPORT_ROW_NUMERIC_CELL');
    else if (text !== undefined && hasControlCharacter(text))
      fail(c.key, 'ELDER_IMPORT_ROW_CONTROL_CHARACTER');
    else if (text !== undefined) v[c.key] = text;
  }
  // The create contract's schemas also refuse invisible text and bidi controls in names.
  for (const [key, schema] of Object.entries(FIELD_SCHEMAS) as [ColumnKey, z.ZodType][]) {
    const text = v[key];
    if (text === undefined || failed.has(key)) continue;
    const numericCode = NUMERIC[key];
    const result = schema.safeParse(numericCode ? Number(text) : text);
    if (result.success) continue;
    if (numericCode) fail(key, numericCode);
    else
      fail(key, 'ELDER_IMPORT_ROW_INVALID', {
        reason: localiseIssues(result.error.issues, '', ctx.locale)[0]!.message,
      });
  }

  let identity: { number: string; birthDate: string; sex: 'male' | 'female' } | null = null;
  if (!v.idNumber) fail('idNumber', 'ELDER_IMPORT_ROW_REQUIRED');
  else {
    const parsed = parseResidentId(v.idNumber, ctx.today);
    if (!parsed.ok)
      fail('idNumber', 'ELDER_IMPORT_ROW_ID_NUMBER', { reason: RESIDENT_ID_PROBLEM_LABELS[parsed.problem] });
    else if (ageOn(parsed.value.birthDate, ctx.today) < ELDER_MIN_AGE)
      fail('idNumber', 'ELDER_IMPORT_ROW_UNDER_AGE');
    else {
      const first = ctx.seen.get(parsed.value.number);
      if (first !== undefined) fail('idNumber', 'ELDER_IMPORT_ROW_DUPLICATE_IN_FILE', { row: first });
      else {
        ctx.seen.set(parsed.value.number, raw.row);
        identity = parsed.value;
      }
    }
  }
  if (!v.name) fail('name', 'ELDER_IMPORT_ROW_REQUIRED');

  const region = (key: 'hukouRegionCode' | 'regionCode') => {
    const code = v[key] ? normalizeRegionCode(v[key]!) : null;
    if (!v[key]) fail(key, 'ELDER_IMPORT_ROW_REQUIRED');
    else if (!code || !ctx.regions.has(code)) fail(key, 'ELDER_IMPORT_ROW_REGION_UNKNOWN');
    return code && ctx.regions.has(code) ? code : null;
  };
  const hukou = region('hukouRegionCode');
  const residence = region('regionCode');
  if (residence && regionLevel(residence) !== 'community')
    fail('regionCode', 'ELDER_IMPORT_ROW_NOT_COMMUNITY');
  else if (residence && !isWithinScope(residence, ctx.scopeCode))
    fail('regionCode', 'ELDER_IMPORT_ROW_OUT_OF_SCOPE');

  if (!v.address) fail('address', 'ELDER_IMPORT_ROW_REQUIRED');
  const lat = v.lat ? Number(v.lat) : null;
  const lng = v.lng ? Number(v.lng) : null;
  const living = v.livingArrangement ? parseLiving(v.livingArrangement) : null;
  if (!living)
    fail('livingArrangement', v.livingArrangement ? 'ELDER_IMPORT_ROW_LIVING' : 'ELDER_IMPORT_ROW_REQUIRED');

  const categories: ElderCategory[] = [];
  for (const part of (v.categories ?? '').split(/[、,，;；\s]+/).filter(Boolean)) {
    const category = parseCategory(part);
    if (category) categories.push(category);
    else fail('categories', 'ELDER_IMPORT_ROW_CATEGORY');
  }
  const grade = v.disabilityGrade ? Number(v.disabilityGrade) : null;
  if (categories.includes('disabled_cert') !== (grade !== null))
    fail('disabilityGrade', 'ELDER_IMPORT_ROW_GRADE');
  const contactKeys = ['contactName', 'contactRelation', 'contactPhone'] as const;
  const contactGiven = contactKeys.filter((k) => v[k] || failed.has(k)).length;
  if (contactGiven > 0 && contactGiven < 3) fail('contactName', 'ELDER_IMPORT_ROW_CONTACT');

  if (errors.length || !identity || !hukou || !residence || !living) return { errors };
  return {
    elder: {
      idNumber: identity.number,
      name: v.name!,
      sex: identity.sex,
      birthDate: identity.birthDate,
      phone: v.phone ?? null,
      hukouRegionCode: hukou,
      regionCode: residence,
      address: v.address!,
      lat,
      lng,
      livingArrangement: living,
      categories: [...new Set(categories)],
      disabilityGrade: grade,
      contacts:
        contactGiven === 3
          ? [{ name: v.contactName!, relation: v.contactRelation!, phone: v.contactPhone!, guardian: false }]
          : [],
      notes: v.notes ?? null,
    },
  };
}
