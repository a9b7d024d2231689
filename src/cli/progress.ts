// Progress for long steps, on stderr: a live bar in a terminal, a few plain lines otherwise
// (CI logs, pipes) so output stays readable.
import cliProgress from 'cli-progress';

export function progress(label: string): { update: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastQuarter = -1;
  return {
    update(done, total) {
      const quarter = Math.floor((done / Math.max(total, 1)) * 4);
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        process.stderr.write(`${label} ${done}/${total}\n`);
      }
    },
    stop: () => {},
  };
}
