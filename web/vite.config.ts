/**
 * The web app's build: two pages sharing chunks — the public site (index.html, served at /) and the
 * staff console (console/index.html, served at /console) — so no console code loads on the public site.
 * Development: `npm run web:dev` proxies /api to a running `npm start` on port 3000.
 */
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'

const root = import.meta.dirname

/** The server fills these in when it serves a page (src/http/web.routes.ts); the dev server does it here. */
function devPlaceholders(): Plugin {
  return {
    name: 'xinyong-dev-placeholders',
    apply: 'serve',
    transformIndexHtml: (html) => html.replaceAll('__SITE_TITLE__', process.env.XINYONG_SITE_TITLE ?? '信用新乡').replaceAll('__CITY_NAME__', process.env.XINYONG_CITY_NAME ?? '新乡市'),
    configureServer(server) {
      // Client routes of the console fall back to its page, as the real server does.
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/console(\/[^.]*)?(\?.*)?$/.test(req.url)) req.url = '/console/index.html'
        next()
      })
    },
  }
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), devPlaceholders()],
  build: {
    outDir: resolve(root, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // .vite/manifest.json: each page's chunks, static and lazy; `npm run web:size` reads it.
    manifest: true,
    // antd alone is a large chunk; the figures that matter are printed by `npm run web:size`.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { site: resolve(root, 'index.html'), console: resolve(root, 'console/index.html') },
      // A slow machine (npm install compiling better-sqlite3 beside) otherwise gets a timing notice.
      checks: { bundlerTimings: false },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}`, '/healthz': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
})
