#!/usr/bin/env node
// The xinyong command: runs the TypeScript CLI through tsx, so the package needs no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
