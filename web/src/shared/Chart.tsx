/**
 * ECharts, tree-shaken to the bar and pie charts with the SVG renderer; import this module lazily
 * (React.lazy) so the charts' code loads after the page. echarts-for-react's /esm/core entry —
 * its /lib/core breaks the production build.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core'
import * as echarts from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = Record<string, unknown>

export default function Chart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={{ aria: { enabled: true }, animationDuration: 400, ...option }} opts={{ renderer: 'svg' }} style={{ height, width: '100%' }} notMerge lazyUpdate />
    </div>
  )
}
