/**
 * A plain landing page until the public website arrives: the site title, what the platform holds,
 * and where the API and its documentation are.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../platform.ts'
import { escapeHtml } from './html.ts'
import { subjectKindLabels } from '../subjects/subject-kind.ts'

export const homeRoutes =
  (platform: Platform): FastifyPluginAsync =>
  async (app) => {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const [count, sample, catalog] = await Promise.all([platform.subjects.count(), platform.subjects.sample(10), platform.catalog.list()])
      const title = escapeHtml(platform.config.city.siteTitle)
      const rows = await Promise.all(
        sample.map(async (s) => {
          const basic = await platform.subjects.basicRecord({ type: 'public' }, String(s.id))
          const uscc = basic.identifiers.find((i) => i.scheme === 'uscc')?.value ?? String(s.id)
          return `<tr><td><a href="/api/v1/subjects/${encodeURIComponent(uscc)}">${escapeHtml(s.name)}</a></td><td>${escapeHtml(uscc)}</td><td>${escapeHtml(subjectKindLabels[s.kind].zh)}</td></tr>`
        }),
      )
      reply.type('text/html; charset=utf-8')
      return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 公共信用信息平台</title>
<style>body{font-family:system-ui,"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2329}
h1{color:#c8161d}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e6eb;padding:.4rem;text-align:left}</style></head>
<body><h1>${title}</h1><p>${escapeHtml(platform.config.city.name)}公共信用信息平台 · Public credit information platform</p>
<p>已归集信用主体 <strong>${count}</strong> 个；信用信息目录 <strong>${catalog.length}</strong> 项。</p>
<p><a href="/api/docs">接口文档 API documentation</a> · <a href="/api/openapi.json">OpenAPI</a> · <a href="/healthz">运行状态 Health</a></p>
<h2>信用主体示例 Sample subjects</h2><table><thead><tr><th>名称</th><th>统一社会信用代码</th><th>类型</th></tr></thead><tbody>${rows.join('')}</tbody></table>
</body></html>`
    })
  }
