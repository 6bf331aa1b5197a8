#!/usr/bin/env node
/**
 * caips: the Express Entry officer's workstation. With a command, runs it non-interactively;
 * without one (and with a terminal), opens the workstation.
 */
import {main} from './source/commands/main.js';
import packageJson from './package.json' with {type: 'json'};

process.exitCode = await main(process.argv.slice(2), packageJson.version);
