/** The built-in holiday data, one file per year; extend by adding a year's file here. */
import type { CalendarEntry } from '../working-days.ts'
import { holidays2025 } from './2025.ts'
import { holidays2026 } from './2026.ts'
import { holidays2027 } from './2027.ts'

export const builtInCalendar: readonly CalendarEntry[] = Object.freeze([...holidays2025, ...holidays2026, ...holidays2027])
