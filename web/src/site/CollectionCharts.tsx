/** The home page's two charts; this module and ECharts load after the page has rendered. */
import { Card } from 'antd'
import Chart from '../shared/Chart.tsx'
import { useI18n } from '../shared/i18n.tsx'
import type { CollectionFigures } from '../shared/types.ts'

const TOP = 12

export default function CollectionCharts({ figures }: { figures: CollectionFigures }) {
  const { t, pick } = useI18n()
  const departments = figures.byDepartment.slice(0, TOP).reverse()
  const departmentLabel = `${t('home.byDepartment')}: ${figures.byDepartment.map((d) => `${pick(d.name, d.nameEn)} ${d.count}`).join(', ')}`
  const itemLabel = `${t('home.byItem')}: ${figures.byItem.map((i) => `${pick(i.name, i.nameEn)} ${i.count}`).join(', ')}`
  return (
    <div className="figure-grid">
      <Card title={t('home.byDepartment')}>
        <Chart
          label={departmentLabel}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', data: departments.map((d) => pick(d.name, d.nameEn)) },
            series: [{ type: 'bar', data: departments.map((d) => d.count), itemStyle: { color: '#c8161d' } }],
          }}
        />
      </Card>
      <Card title={t('home.byItem')}>
        <Chart
          label={itemLabel}
          option={{
            tooltip: { trigger: 'item' },
            legend: { type: 'scroll', bottom: 0 },
            series: [{ type: 'pie', radius: ['35%', '65%'], top: -20, data: figures.byItem.map((i) => ({ name: pick(i.name, i.nameEn), value: i.count })) }],
          }}
        />
      </Card>
    </div>
  )
}
