import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import type { RegionDto } from '@yiyang/contracts';
import { api } from '../api/client';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toNode = (r: RegionDto, parent: string | null): Node => ({
  id: r.code,
  pId: parent,
  value: r.code,
  title: r.name,
  isLeaf: r.childCount === 0,
});

/** Picks a region inside `root` (the user's scope), loading the tree level by level. */
export function RegionSelect(props: {
  root: string;
  value?: string;
  onChange?: (code: string) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    let live = true;
    void api<RegionDto & { childCount: number }>(`/api/v1/regions/${props.root}`).then((root) => {
      if (live) setNodes([toNode(root, null)]);
    });
    return () => {
      live = false;
    };
  }, [props.root]);

  const loadData = async (node: { value?: unknown }) => {
    const id = typeof node.value === 'string' ? node.value : undefined;
    if (!id || nodes.some((n) => n.pId === id)) return;
    const { items } = await api<{ items: RegionDto[] }>('/api/v1/regions', { query: { parent: id } });
    setNodes((current) => [...current, ...items.map((r) => toNode(r, id))]);
  };

  return (
    <TreeSelect
      id={props.id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={props.value}
      onChange={props.onChange}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      showSearch
      treeNodeFilterProp="title"
      style={{ minWidth: 220 }}
    />
  );
}
