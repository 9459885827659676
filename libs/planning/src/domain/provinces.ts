/** Reference data: provinces the system serves, with Interior Ministry district geocodes. */
export interface District {
  readonly code: string;
  readonly th: string;
  readonly en: string;
}

export interface Province {
  readonly code: string;
  readonly th: string;
  readonly en: string;
  readonly districts: readonly District[];
}

export const PROVINCES: Readonly<Record<string, Province>> = {
  'TH-27': {
    code: 'TH-27',
    th: 'สระแก้ว',
    en: 'Sa Kaeo',
    districts: [
      { code: '2701', th: 'เมืองสระแก้ว', en: 'Mueang Sa Kaeo' },
      { code: '2702', th: 'คลองหาด', en: 'Khlong Hat' },
      { code: '2703', th: 'ตาพระยา', en: 'Ta Phraya' },
      { code: '2704', th: 'วังน้ำเย็น', en: 'Wang Nam Yen' },
      { code: '2705', th: 'วัฒนานคร', en: 'Watthana Nakhon' },
      { code: '2706', th: 'อรัญประเทศ', en: 'Aranyaprathet' },
      { code: '2707', th: 'เขาฉกรรจ์', en: 'Khao Chakan' },
      { code: '2708', th: 'โคกสูง', en: 'Khok Sung' },
      { code: '2709', th: 'วังสมบูรณ์', en: 'Wang Sombun' },
    ],
  },
  // Trat, Sa Kaeo's neighbour on the same border: the second province a national deployment serves.
  'TH-23': {
    code: 'TH-23',
    th: 'ตราด',
    en: 'Trat',
    districts: [
      { code: '2301', th: 'เมืองตราด', en: 'Mueang Trat' },
      { code: '2302', th: 'คลองใหญ่', en: 'Khlong Yai' },
      { code: '2303', th: 'เขาสมิง', en: 'Khao Saming' },
      { code: '2304', th: 'บ่อไร่', en: 'Bo Rai' },
      { code: '2305', th: 'แหลมงอบ', en: 'Laem Ngop' },
      { code: '2306', th: 'เกาะกูด', en: 'Ko Kut' },
      { code: '2307', th: 'เกาะช้าง', en: 'Ko Chang' },
    ],
  },
};
