// The part of Apache ECharts that Koers uses, registered once. Only
// koers-chart.ts imports this module, and only with import(), so esbuild
// puts it in a chunk of its own that pages without charts never load.
import { init, use } from 'echarts/core';
import { FunnelChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, ScatterChart, FunnelChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { init };
