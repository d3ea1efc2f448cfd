import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` },
  },
  build: {
    outDir: 'dist',
    // For scripts/login-page-weight.mjs: which chunks each page loads.
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // The entriesAware chunks below are named after every page sharing them; the hash is enough.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('antd~') ? 'assets/antd-[hash].js' : 'assets/[name]-[hash].js',
        // Libraries in chunks of their own, so a release that changes only our pages leaves the
        // browser's cached copies valid (file names carry a content hash).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-i18next|i18next|@tanstack)[\\/]/,
              priority: 3,
            },
            // Only the directory's map draws with it.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            // Ant Design split by which pages use which parts: the login page gets the form
            // controls, not the tables, date pickers and uploads. One antd chunk for all made the
            // login page download 1.3 MB (338 kB brotli) of it. Pieces under 2 kB join a neighbour
            // rather than cost a request of their own (measured: 20 kB would add 29 kB to login).
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
              priority: 1,
              entriesAware: true,
              entriesAwareMergeThreshold: 2_000,
            },
          ],
        },
      },
    },
  },
});
