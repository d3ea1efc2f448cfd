import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { ResourceKey } from 'i18next';
import type { Permission } from '@yiyang/domain';

/**
 * Where a route's page sits: `app` inside the signed-in layout (menu and header), `bare` signed in
 * but alone on the screen (a printable report), `public` without sign-in (login, directory).
 */
export type RouteFrame = 'app' | 'bare' | 'public';

export interface ModuleRoute {
  /** The URL, absolute ("/elders/:id"); "/" is the workbench. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Without it, anyone the frame lets in may open the page. */
  permission?: Permission;
  /** Default `app`. */
  frame?: RouteFrame;
}

export interface MenuEntry {
  /** The URL the entry opens; the entry is selected on it and below it. */
  path: string;
  icon: ReactNode;
  /** Translation key. */
  label: string;
  /** The entry shows only to roles holding it. */
  permission?: Permission;
}

/**
 * One area of the web app (elders, providers, …), declared in its own pages/<area>/module.tsx and
 * listed once in modules.ts: the router, the menu and i18next read every module from there, so a
 * new area touches no central file but that list.
 */
export interface WebModule {
  /** Its i18next namespace. */
  name: string;
  messages: { 'zh-CN': ResourceKey; en: ResourceKey };
  routes: ModuleRoute[];
  menu?: MenuEntry[];
}

/**
 * A page loaded on first visit, from its own chunk: `lazyPage(() => import('./ElderListPage'),
 * 'ElderListPage')`. Pages keep their named exports; React.lazy wants a default one.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
