/** Demo streets and communities used across tests (first two streets of 新城区). */
export const STREET_A = '150102001000';
export const STREET_B = '150102002000';
export const COMMUNITY_A1 = '150102001001';
export const DISTRICT = '150102000000';
export const CITY = '150100000000';
