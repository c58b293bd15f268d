// Each English lesson's Keras code as a Jupyter notebook: /en/notebooks/<lesson>.ipynb.
import { notebookPaths, serveNotebook } from '../../../notebooks/routes.ts';

export const getStaticPaths = notebookPaths('en');
export const GET = serveNotebook;
