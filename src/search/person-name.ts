/**
 * Names of natural persons as staff see them in search results: the surname character kept, the
 * rest masked (张三 → 张*, 欧阳娜娜 → 欧***), as identity numbers are. Pure.
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
