import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCharacter, parseResidentId } from './resident-id';
import { maskIdNumber, maskName, maskPhone } from './masking';

const TODAY = '2026-11-23';

describe('parseResidentId', () => {
  it('accepts the examples of the standard and derives birth date and sex', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    const other = parseResidentId('440524188001010014', TODAY);
    expect(other.ok && other.value).toMatchObject({ birthDate: '1880-01-01', sex: 'male' });
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const parsed = parseResidentId('11010519491231002x', TODAY);
    expect(parsed.ok && parsed.value.number).toBe('11010519491231002X');
  });

  it.each([
    ['11010519491231002', 'length'],
    ['1101051949123100211', 'length'],
    ['1101051949123100A2', 'characters'],
    ['110105194912310021', 'check_character'],
    ['110105194902300029'.slice(0, 17) + checkCharacter('11010519490230002'), 'birth_date'],
    ['11010520991231002' + checkCharacter('11010520991231002'), 'future_birth_date'],
  ])('rejects %s: %s', (input, problem) => {
    expect(parseResidentId(input, TODAY)).toEqual({ ok: false, problem });
  });

  it('converts an old 15-digit number by inserting 19 and computing the check character', () => {
    const parsed = parseResidentId('110105491231002', TODAY);
    expect(parsed).toEqual({
      ok: true,
      value: { number: '11010519491231002X', addressCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('property: every well-formed number parses back to its parts, and any one-digit change is caught', () => {
    const birth = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        birth,
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (address, date, seq, position, delta) => {
          const ymd = date.toISOString().slice(0, 10);
          const first17 = `${address}${ymd.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
          const id = first17 + checkCharacter(first17);
          const parsed = parseResidentId(id, TODAY);
          expect(parsed.ok && parsed.value).toEqual({
            number: id,
            addressCode: String(address),
            birthDate: ymd,
            sex: seq % 2 === 1 ? 'male' : 'female',
          });
          const digit = (Number(id[position]) + delta) % 10;
          const mutated = id.slice(0, position) + digit + id.slice(position + 1);
          expect(
            parseResidentId(mutated, TODAY).ok && checkCharacter(mutated.slice(0, 17)) === mutated[17],
          ).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('masking', () => {
  it('masks identity numbers, phones and names as public notices do', () => {
    expect(maskIdNumber('15010219491231123X')).toBe('1501**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0471-6901234')).toBe('********1234');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
});
