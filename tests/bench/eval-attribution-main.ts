/** Entry point of `npm run eval:attribution -- DIR`. */
import { evaluateDirectory, formatEvaluation } from './attribution-eval';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run eval:attribution -- DIR   (DIR holds text/ and attributions/, like a PolNeAR split)');
  process.exitCode = 2;
} else {
  try {
    console.log(formatEvaluation(dir, evaluateDirectory(dir)));
  } catch (error) {
    console.error(`eval:attribution: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
