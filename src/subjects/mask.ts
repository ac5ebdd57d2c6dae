/** Masks for personal identifiers other than resident identity numbers: type kept, first 2 and last 2 shown. */
export function maskOtherId(value: string): string {
  const [type, number = ''] = value.split(':')
  if (number.length <= 4) return `${type}:${'*'.repeat(number.length)}`
  return `${type}:${number.slice(0, 2)}${'*'.repeat(number.length - 4)}${number.slice(-2)}`
}
