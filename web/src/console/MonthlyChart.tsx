import Chart from '../shared/Chart.tsx'
import { useI18n } from '../shared/i18n.tsx'
import type { BatchFigures } from './Dashboard.tsx'

const TOP = 8

export default function MonthlyChart({ figures }: { figures: BatchFigures }) {
  const { t } = useI18n()
  const shown = figures.byDepartment.slice(0, TOP)
  const label = `${t('dashboard.byMonth')}: ${shown.map((d) => `${d.name} ${d.total}`).join(', ')}`
  return (
    <Chart
      label={label}
      height={340}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: figures.months },
        yAxis: { type: 'value' },
        series: shown.map((d) => ({ name: d.name, type: 'bar', stack: 'records', data: d.perMonth })),
      }}
    />
  )
}
