// Axes and axis labels, drawn alike by every chart with x/y scales (bars,
// cross-entropy, histogram, history panels): one place for their classes,
// positions and the rotated y label.
import type * as d3 from 'd3';

type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
/** The plot area inside the svg: its left, right, top and bottom edges in px. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Space around the plot area, in px. */
export type Margin = PlotArea;

/** The plot area of a `width` × `height` svg with these margins. */
export const plotArea = (width: number, height: number, margin: Margin): PlotArea => ({
  left: margin.left,
  right: width - margin.right,
  top: margin.top,
  bottom: height - margin.bottom,
});

/** A bottom axis whose line sits at `y`. */
export function xAxis(svg: Svg, axis: d3.Axis<d3.NumberValue>, y: number): void {
  svg.append('g').attr('class', 'viz-axis viz-axis-x').attr('transform', `translate(0,${y})`).call(axis);
}

/** A left axis whose line sits at `x`. */
export function yAxis(svg: Svg, axis: d3.Axis<d3.NumberValue>, x: number): void {
  svg.append('g').attr('class', 'viz-axis viz-axis-y').attr('transform', `translate(${x},0)`).call(axis);
}

/** The x axis's name, centred under the plot with its baseline at `y`. */
export function xLabel(svg: Svg, text: string, area: PlotArea, y: number): void {
  svg.append('text').attr('class', 'viz-axis-label').attr('x', (area.left + area.right) / 2).attr('y', y).attr('text-anchor', 'middle').text(text);
}

/** The y axis's name, turned to read upwards along the svg's left edge. */
export function yLabel(svg: Svg, text: string, area: PlotArea): void {
  svg
    .append('text')
    .attr('class', 'viz-axis-label')
    .attr('transform', `translate(12,${(area.top + area.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(text);
}
