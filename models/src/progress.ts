/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, one line per update elsewhere, so CI
 * logs stay readable). Twenty lines do not justify a dependency.
 *
 * @example
 * const bar = progress('training', 40);
 * for (let e = 0; e < 40; e++) bar.tick(`loss 0.31`);
 * bar.done();
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  let n = 0;
  const started = Date.now();
  const draw = (note: string) => {
    const width = 28;
    const filled = Math.round((n / Math.max(1, total)) * width);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${label.padEnd(18)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total} ${secs}s ${note}`;
    if (stream.isTTY) stream.write(`\r${line}\x1b[K`);
    else if (n === total || n % Math.max(1, Math.round(total / 10)) === 0) stream.write(`${line}\n`);
  };
  return {
    tick(note = '') {
      n++;
      draw(note);
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
