/** What the server wrote into the page: the city's site title and name (src/http/web.routes.ts). */
const meta = (name: string, fallback: string) => {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content
  return value && !value.startsWith('__') ? value : fallback
}

export const siteTitle = meta('xinyong:site-title', '信用新乡')
export const cityName = meta('xinyong:city-name', '新乡市')
