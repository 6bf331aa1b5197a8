#!/usr/bin/env node
/**
 * caips: the Express Entry officer's workstation. With a command, runs it non-interactively;
 * without one (and with a terminal), opens the workstation.
 *
 * Built, this is the launcher (dist/cli.js): it runs the CLI (source/commands/main.ts, bundled as
 * one script) compiled from V8's code cache when it can (source/launch/).
 */
import packageJson from './package.json' with {type: 'json'};
import {launch} from './source/launch/launch.js';

process.exitCode = await launch(process.argv.slice(2), packageJson.version);
