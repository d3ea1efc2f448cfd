import { existsSync } from 'node:fs';

export interface CjkFont {
  path: string;
  /** The face inside a font collection (.ttc); absent for a single-face file. */
  family?: string;
}

/** Where the usual Chinese fonts live on Debian/Ubuntu, Fedora/Arch, macOS and Windows. */
const CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR-PL-UMing-CN' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
];

/**
 * A font that can draw Chinese for PDF reports: YIYANG_PDF_FONT (`file` or `file#face`) when
 * set, else the first system font found. PDFs embed only the glyphs they use.
 */
export function findCjkFont(configured?: string): CjkFont | null {
  if (configured) {
    const [path, family] = configured.split('#');
    return path && existsSync(path) ? { path, family } : null;
  }
  return CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}
