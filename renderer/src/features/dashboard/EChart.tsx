// A minimal ECharts host: canvas renderer, created only once the container has a size (jsdom and hidden tabs
// have none), resized with its container through a ResizeObserver, disposed on unmount.
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface EChartProps {
  option: ChartOption;
  /** text alternative: the numbers the chart shows, in words */
  label: string;
  height: number;
  /** identifies the chart (data-chart attribute) */
  name: string;
}

export function EChart({ option, label, height, name }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const latest = useRef(option);
  const applied = useRef<ChartOption | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const sync = () => {
      if (chart.current) {
        chart.current.resize();
        return;
      }
      if (node.clientWidth === 0 || node.clientHeight === 0) return; // echarts cannot lay out a zero-size box
      chart.current = echarts.init(node, undefined, { renderer: 'canvas' });
      chart.current.setOption(latest.current, { notMerge: true });
      applied.current = latest.current;
    };
    sync();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => sync());
    ro?.observe(node);
    return () => {
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      applied.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    if (chart.current && applied.current !== option) {
      chart.current.setOption(option, { notMerge: true });
      applied.current = option;
    }
  }, [option]);

  return <div ref={el} role="img" aria-label={label} data-chart={name} style={{ width: '100%', height }} />;
}
