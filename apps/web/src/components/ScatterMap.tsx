import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface MapPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
  group: string;
}

/**
 * Facilities on their coordinates, without online map tiles (the platform runs offline): an
 * equal-scale longitude/latitude plane, one colour per group, click to open.
 */
export function ScatterMap(props: {
  points: MapPoint[];
  groupLabel: (g: string) => string;
  onOpen: (id: string) => void;
  axisNames: [lng: string, lat: string];
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { points, groupLabel, onOpen } = props;
  const [lngName, latName] = props.axisNames;
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const groups = [...new Set(points.map((p) => p.group))];
    chart.setOption({
      tooltip: { formatter: (p: { data: [number, number, string] }) => p.data[2] },
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      xAxis: {
        type: 'value',
        scale: true,
        name: lngName,
        axisLabel: { formatter: (v: number) => v.toFixed(2) },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: latName,
        axisLabel: { formatter: (v: number) => v.toFixed(2) },
      },
      legend: { show: false },
      series: groups.map((g) => ({
        type: 'scatter',
        name: groupLabel(g),
        symbolSize: 8,
        data: points
          .filter((p) => p.group === g)
          .map((p) => [p.lng, p.lat, `${p.name}（${groupLabel(g)}）`, p.id]),
      })),
    });
    chart.on('click', (e) => {
      const id = (e.data as unknown[] | undefined)?.[3];
      if (typeof id === 'string') onOpen(id);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, groupLabel, onOpen, lngName, latName]);
  return <div ref={ref} style={{ width: '100%', height: props.height ?? 460 }} data-testid="scatter-map" />;
}
