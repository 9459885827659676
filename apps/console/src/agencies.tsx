import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api, unwrap } from './api/client';
import type { Lang } from './format';

export interface AgencyName {
  readonly code: string;
  readonly nameTh: string;
  readonly nameEn: string | null;
}

/**
 * The agency directory, read once and shared by every screen (one cache key): the names for agency
 * codes, in the reader's language, and the list itself (for filters). A code stands for itself when
 * the directory cannot be read or does not know it.
 */
export function useAgencyDirectory(): { name: (code: string, lang: Lang) => string; codes: readonly AgencyName[] } {
  const directory = useQuery({
    queryKey: ['agencies'],
    staleTime: 5 * 60_000,
    queryFn: async () => (await unwrap<{ agencies: AgencyName[] }>(api.GET('/api/v1/agencies'))).agencies,
  });
  return {
    codes: directory.data ?? [],
    name: (code, lang) => {
      const a = directory.data?.find((x) => x.code === code);
      return a ? (lang === 'en' && a.nameEn ? a.nameEn : a.nameTh) : code;
    },
  };
}

/** The directory's names for agency codes. */
export const useAgencyNames = (): ((code: string, lang: Lang) => string) => useAgencyDirectory().name;

/** An agency's name with its code beside it, or the code alone when the directory does not know it. */
export function AgencyLabel({ code, name }: { code: string; name: string }) {
  return name === code ? (
    <span>{code}</span>
  ) : (
    <span>
      {name} <Typography.Text type="secondary">({code})</Typography.Text>
    </span>
  );
}
