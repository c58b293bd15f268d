// Each Korean lesson's Keras code as a Jupyter notebook: /notebooks/<lesson>.ipynb.
import { notebookPaths, serveNotebook } from '../../notebooks/routes.ts';

export const getStaticPaths = notebookPaths('ko');
export const GET = serveNotebook;
