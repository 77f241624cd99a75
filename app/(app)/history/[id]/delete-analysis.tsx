"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import forms from "@/components/forms/forms.module.css";
import { errorMessage } from "../../samples/registers";

export function DeleteAnalysis({ id }: { id: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm("Delete this saved analysis? This cannot be undone.")) return;
    const response = await fetch(`/api/v1/analyses/${id}`, { method: "DELETE" });
    if (!response.ok) return setError(await errorMessage(response));
    router.push("/history");
    router.refresh();
  }
  return (
    <div>
      <Button variant="secondary" onClick={() => void remove()} data-testid="analysis-delete">
        Delete this analysis
      </Button>
      {error ? (
        <p role="alert" className={forms.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
